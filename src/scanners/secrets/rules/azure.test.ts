import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const b64 = (n: number, seed = 5) => g(`[A-Za-z0-9+/]{${n}}`, seed);

runFamily('azure', {
  'secret/azure-ad-client-secret': {
    invalid: [{ code: `AZURE_CLIENT_SECRET=${g('[a-zA-Z0-9]{3}')}8Q~${g('[a-zA-Z0-9_~.-]{34}', 9)}\n`, findings: [{ line: 1, column: 21 }] }],
    valid: ["buf.WriteString('~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~')", `client_secret=bP88Q~${'x'.repeat(34)}`],
  },
  'secret/azure-storage-connection-string': {
    invalid: [{ code: `"Storage": "DefaultEndpointsProtocol=https;AccountName=clinicstore;AccountKey=${b64(86)}==;EndpointSuffix=core.windows.net"`, findings: [{ line: 1, severity: 'critical' }] }],
    valid: ['"Storage": "DefaultEndpointsProtocol=https;AccountName=clinicstore;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net"'],
  },
  'secret/azure-sas-token': {
    invalid: [{ code: `url = "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=${g('[A-Za-z0-9]{44}')}%3D"`, findings: [{ line: 1 }] }],
    valid: [`url = "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&sig=${'x'.repeat(44)}"`, 'url = "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&sig=<signature>"'],
  },
  'secret/azure-service-bus-connection-string': {
    invalid: [{ code: `conn = "Endpoint=sb://clinic.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${b64(43)}="`, findings: [{ line: 1 }] }],
    valid: ['conn = "Endpoint=sb://clinic.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>"'],
  },
  'secret/azure-cosmosdb-connection-string': {
    invalid: [{ code: `COSMOS="AccountEndpoint=https://clinic.documents.azure.com:443/;AccountKey=${b64(86, 11)}==;"`, findings: [{ line: 1 }] }],
    valid: ['COSMOS="AccountEndpoint=https://clinic.documents.azure.com:443/;AccountKey=${COSMOS_KEY};"'],
  },
  'secret/azure-function-key': {
    noAuto: true,
    invalid: [{ code: `fetch("https://clinic-fn.azurewebsites.net/api/HttpTrigger1?code=${g('[A-Za-z0-9_-]{54}')}==")`, findings: [{ line: 1 }] }],
    valid: [`fetch("https://clinic-fn.azurewebsites.net/api/HttpTrigger1?code=${'x'.repeat(54)}==")`, 'fetch(`https://clinic-fn.azurewebsites.net/api/HttpTrigger1?code=${key}`)'],
  },
});
