// Points mall methods: filled in by the points mall work (catalogue, redeem, void).
export const pointsMallMethods = {};
