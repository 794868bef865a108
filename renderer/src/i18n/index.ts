import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { domainMessages } from './domains';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'halldesk.language';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return languages.find((language) => language === stored) ?? 'zh-CN';
  } catch {
    // Storage can be unavailable (a locked-down profile); the counter still starts in Chinese.
    return 'zh-CN';
  }
}

function showLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
}

function pick(domains: Record<string, { zhCN: object; en: object }>, language: 'zhCN' | 'en'): Record<string, object> {
  return Object.fromEntries(Object.entries(domains).map(([key, messages]) => [key, messages[language]]));
}

export async function startI18n(): Promise<void> {
  i18next.on('languageChanged', showLanguage);
  await i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: { ...zhCN, ...pick(domainMessages, 'zhCN') } },
      en: { translation: { ...en, ...pick(domainMessages, 'en') } },
    },
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    // React escapes what it renders; escaping here too would show &amp; on screen.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  showLanguage(i18next.language);
}

export function currentLanguage(language: string): Language {
  return languages.find((candidate) => candidate === language) ?? 'zh-CN';
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across restarts then; the switch still works for this session.
  }
  void i18next.changeLanguage(language);
}
