import { ApiClient } from './api-client';
import { Directory } from './fixture';

/** Signs each fixture user in once, on first use, and hands out their client. */
export class Sessions {
  private readonly clients = new Map<string, Promise<ApiClient>>();

  constructor(
    private readonly anonymous: ApiClient,
    private readonly directory: Directory,
  ) {}

  as(username: string): Promise<ApiClient> {
    let client = this.clients.get(username);
    if (!client) {
      client = this.anonymous.login(username, this.directory.user(username).password);
      // A failed login is not cached, so the error shows where it happened and a retry can work.
      client.catch(() => this.clients.delete(username));
      this.clients.set(username, client);
    }
    return client;
  }
}
