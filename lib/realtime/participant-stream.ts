import type { LoggedOutgoing, Outgoing } from "./sse-frames";

/** What a participant's stream needs of their event log (user_events). */
export type ParticipantLog = {
  /** The viewer's events after `afterId`, in id order, at most `pageSize` of them. */
  read(afterId: number): Promise<LoggedOutgoing[]>;
  readonly pageSize: number;
  /** The id of the viewer's newest event (0: none): a stream with no resume point starts after it. */
  newestId(): Promise<number>;
  /** Events up to this id may have been pruned (lib/realtime/event-log.ts). */
  prunedThrough(): Promise<number>;
};

export type ParticipantStreamDeps = {
  log: ParticipantLog;
  /** Writes a frame to the client. */
  emit(out: Outgoing): void;
  /** Whether an announced event arrives in id order, none missing (EventBus.writersAnnounce). */
  announcedInOrder(): boolean;
  readFailed(error: unknown): void;
};

/**
 * Where the stream is: `starting` until its resume point is known, `live` while it sends, `closed`
 * once the client left (nothing is sent or read after that).
 */
type Phase = "starting" | "live" | "closed";
/** `idle`; a read `running`; or running with `again`: something arrived meanwhile, read once more after it. */
type Reading = "idle" | "running" | "again";

/**
 * A participant's event stream as one state object. Every event of their log is sent once, in id
 * order: an announced event that is the next one is sent as it comes; otherwise (a read pending or
 * failed, a bus whose announcements may come out of order) the stream reads the log after the last
 * id it sent. Reads run one after another; those asked for while one runs fold into one more.
 */
export class ParticipantStream {
  private phase: Phase = "starting";
  /** The id of the last event sent: the stream never sends it or an older one again. */
  private sentUpTo = 0;
  private reading: Reading = "idle";
  /** A read failed: until one succeeds, an announced event is not trusted to follow on from what was sent. */
  private trusted = true;
  private reads: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ParticipantStreamDeps) {}

  /**
   * Starts after `lastEventId` (a reconnect: what was missed is replayed, preceded by `resync` when
   * it is older than the log keeps) or, with none, after the newest event now; then reads whatever
   * arrived meanwhile.
   */
  async start(lastEventId: number | null): Promise<void> {
    if (lastEventId !== null) {
      this.sentUpTo = lastEventId;
      if (lastEventId < (await this.deps.log.prunedThrough())) this.send({ event: "resync", data: {} });
    } else {
      this.sentUpTo = await this.deps.log.newestId();
    }
    if (this.phase === "closed") return;
    this.phase = "live";
    this.readLog();
  }

  /** The bus announced an event of the viewer's log. */
  announced(out: LoggedOutgoing): void {
    if (this.phase !== "live" || out.id <= this.sentUpTo) return;
    // On PostgreSQL every event is announced by the transaction that writes it, and NOTIFYs arrive
    // in commit order, which for one user is id order: with no read pending, an event that comes
    // is the next one, and is sent as it is, with no read.
    if (this.deps.announcedInOrder() && this.reading === "idle" && this.trusted) this.sendLogged(out);
    else this.readLog();
  }

  /** The log may hold events no announcement named (a change to very many sessions, a bus that reconnected): read it. */
  readLog(): void {
    if (this.phase !== "live") return;
    if (this.reading !== "idle") {
      this.reading = "again";
      return;
    }
    this.reading = "running";
    this.reads = this.reads.then(() => this.readUntilCaughtUp());
  }

  /** The client left: nothing more is sent or read, even by a read already on its way. */
  close(): void {
    this.phase = "closed";
  }

  /** Resolves when the reads asked for so far have finished (for tests and shutdown). */
  settled(): Promise<void> {
    return this.reads;
  }

  private async readUntilCaughtUp(): Promise<void> {
    do {
      this.reading = "running";
      if (this.phase === "closed") break;
      try {
        const page = await this.deps.log.read(this.sentUpTo);
        for (const out of page) if (out.id > this.sentUpTo) this.sendLogged(out);
        this.trusted = true;
        if (page.length >= this.deps.log.pageSize) this.reading = "again"; // more than a page was missed
      } catch (error) {
        this.trusted = false;
        this.deps.readFailed(error);
      }
    } while (this.reading === "again");
    this.reading = "idle";
  }

  private sendLogged(out: LoggedOutgoing): void {
    this.send(out);
    this.sentUpTo = out.id;
  }

  private send(out: Outgoing): void {
    if (this.phase !== "closed") this.deps.emit(out);
  }
}
