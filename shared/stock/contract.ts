import { joinPieces } from '../contract/define';
import { stockMoveMethods } from './moves-contract';
import { stocktakeMethods } from './stocktake-contract';
import { stockViewMethods } from './views-contract';

/** The stock domain's methods: the ledger's views, its writes, and the stocktake. */
export const stockMethods = joinPieces(stockViewMethods, stockMoveMethods, stocktakeMethods);
