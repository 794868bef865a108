export { Fen, formatYuan, percentOf, splitInstalments } from './fen';
