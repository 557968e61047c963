import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** Reads the configuration or stops the process with one line naming the bad variable. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
