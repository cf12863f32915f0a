import express from 'express';
import { config } from './config.js';
import { PatientService } from './patients/service.js';
import { connect } from './db.js';

const app = express();
app.use(express.json());
const patients = new PatientService(await connect(config.db));

app.get('/health', (_req, res) => res.json({ ok: true }));

app.get('/patients/:mrn', async (req, res) => {
  const p = await patients.byMrn(req.params.mrn);
  if (!p) return res.status(404).json({ error: 'not found' });
  return res.json(p);
});

app.get('/patients', async (req, res) => {
  res.json(await patients.search(String(req.query.lastName ?? '')));
});

// Served over plain HTTP: TLS is "handled by the load balancer".
app.listen(config.port, () => console.log(`clinic api on http://0.0.0.0:${config.port}`));
