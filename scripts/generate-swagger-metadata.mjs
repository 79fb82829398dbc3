// Writes src/metadata.ts: the Swagger CLI plugin's view of every DTO and
// controller. `nest build` inlines the same data, but code that runs from
// source (Vitest) never passes through the plugin, so tests load this file.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = resolve(root, 'src');
// The same plugin options as `nest build`, so tests see the document production serves.
const nestCli = JSON.parse(readFileSync(resolve(root, 'nest-cli.json'), 'utf8'));
const { options } = nestCli.compilerOptions.plugins.find(
  (plugin) => plugin.name === '@nestjs/swagger',
);

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ ...options, pathToSource: src })],
  outputDir: src,
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
});
