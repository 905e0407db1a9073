// A real SMTP server for the tests (smtp-server, from the Nodemailer project) on a free port: every message it
// accepts is parsed with mailparser and kept. It can be told to refuse recipients, for the delivery fault tests.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** What the server answers to a recipient: accept, or refuse with an SMTP code (4xx: try later, 5xx: never). */
export type Refusal = { code: number; message: string } | null;

export type TestSmtpServer = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Resolves when `count` messages have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  /** Decides each recipient from now on. */
  refuse(decide: (address: string) => Refusal): void;
  stop(): Promise<void>;
};

/** Listens on `port` (a free one when 0: pass an earlier server's port to bring it back). */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let decide: (address: string) => Refusal = () => null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = decide(address.address);
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    messages,
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > until)
          throw new Error(`${messages.length} of ${count} messages arrived in ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    refuse(next) {
      decide = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
