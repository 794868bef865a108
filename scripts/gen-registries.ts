import { readFileSync, writeFileSync } from 'node:fs';
import { registries } from './registries';

for (const registry of registries) {
  const next = registry.render();
  let current: string | undefined;
  try {
    current = readFileSync(registry.file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== next) {
    writeFileSync(registry.file, next);
    console.log(`wrote ${registry.file}`);
  }
}
