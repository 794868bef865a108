// Reports and lists methods: filled in by the lists/reports work.
export const reportMethods = {};
