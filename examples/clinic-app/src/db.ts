export interface Db {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
}

export async function connect(settings: { host: string; user: string; password: string; database: string }): Promise<Db> {
  const { Client } = await import('pg');
  const client = new Client(settings);
  await client.connect();
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}
