// Runtime settings for the clinic API.
export const config = {
  port: Number(process.env.PORT ?? 8080),
  db: {
    host: 'clinic-db.internal',
    user: 'clinic_admin',
    password: 'Tq7vLm2xRw9kPz4s',
    database: 'clinic',
  },
  // Payments for copays; copied here "temporarily" during an incident.
  stripeKey: 'sk_live_4glVBcifpBFejWTL9cHyZq3R',
  exportBucket: process.env.EXPORT_BUCKET ?? 'northwind-clinic-phi-exports',
};
