// Writes src/metadata.ts: the Swagger CLI plugin's view of every DTO and
// controller. `nest build` inlines the same data, but code that runs from
// source (Vitest) never passes through the plugin, so tests load this file.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { resolve } from 'node:path';

const src = resolve(import.meta.dirname, '..', 'src');

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ introspectComments: true, pathToSource: src })],
  outputDir: src,
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
});
