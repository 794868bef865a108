// Stock methods: filled in by the stock work (ledger views, receive/damage/transfer, stocktake).
export const stockMethods = {};
