import { writeFileSync } from 'node:fs';
import { API_DOCS_FILE, renderApiDocs } from './api-docs-render';

writeFileSync(API_DOCS_FILE, renderApiDocs());
console.log(`wrote ${API_DOCS_FILE}`);
