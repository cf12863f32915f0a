import { runFamily } from '../../../testing/secret-samples.js';

runFamily('bitbucket', {});
