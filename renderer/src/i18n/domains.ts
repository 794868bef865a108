import { slipsMessages } from '../slips/messages';

/**
 * Each domain's message file, under its own top-level key (t('stock.…')). A domain adds
 * one line here; its strings live beside its screens.
 */
export const domainMessages = {
  slips: slipsMessages,
};
