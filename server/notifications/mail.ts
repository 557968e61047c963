import type { EntityManager } from '@mikro-orm/postgresql';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '../config.js';

/** How long a claimed email is held by one worker before another may try it (the send is not in a transaction). */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/** The SMTP transport to SMTP_URL; nodemailer is loaded here, with the first mail, not at every start. */
export async function mailTransport(smtpUrl: string): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(smtpUrl);
}

/**
 * One pass of the mail job. Claims due notifications in a short statement (a lease, so two workers never take the
 * same row and no transaction is held while SMTP talks, which would stall the embedded database), sends each, and
 * marks it SENT, or backs off 1, 2, 4, 8 minutes and gives up after 5 attempts with the error kept. A worker that dies
 * between sending and marking leaves the row to be sent again when the lease ends: at least once, with the same
 * Message-ID, so a mail client shows one message.
 */
export async function sendDueEmails(em: EntityManager, transport: Transporter, config: Pick<AppConfig, 'mailFrom' | 'publicUrl'>, now: Date, batch = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await em.execute<{ id: string; title: string; body: string; link: string | null; attempts: number; email: string; full_name: string }[]>(
    `with due as (
       select id from notification where email_state = 'PENDING' and email_next_attempt_at <= ? order by email_next_attempt_at limit ? for update skip locked)
     update notification n set email_next_attempt_at = ?, email_attempts = n.email_attempts + 1
       from due, app_user u where n.id = due.id and u.id = n.recipient_id
     returning n.id, n.title, n.body, n.link, n.email_attempts as attempts, u.email, u.full_name`,
    [now, batch, new Date(now.getTime() + LEASE_MS)],
  );
  let sent = 0;
  let failed = 0;
  for (const n of claimed) {
    try {
      await transport.sendMail({
        from: config.mailFrom, to: { name: n.full_name, address: n.email }, subject: n.title, messageId: `<${n.id}@katalog-lokal>`,
        text: `${n.body}\n\n${n.link ? `${config.publicUrl}${n.link}\n\n` : ''}Pesan ini dikirim oleh Katalog Lokal. Atur email pemberitahuan di akun Anda.`,
      });
      await em.execute(`update notification set email_state = 'SENT', email_sent_at = ?, email_error = null where id = ?`, [new Date(), n.id]);
      sent++;
    } catch (error) {
      const last = n.attempts >= MAX_ATTEMPTS;
      await em.execute(`update notification set email_state = ?, email_next_attempt_at = ?, email_error = ? where id = ?`, [
        last ? 'FAILED' : 'PENDING', new Date(now.getTime() + 2 ** (n.attempts - 1) * 60_000), String((error as Error).message).slice(0, 500), n.id,
      ]);
      failed++;
    }
  }
  return { sent, failed };
}
