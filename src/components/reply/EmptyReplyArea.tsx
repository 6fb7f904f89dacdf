import './reply.css';

/** The right-hand area before there is a reply: says what will appear there. */
export function EmptyReplyArea() {
  return (
    <section className="reply-area reply-area-empty" aria-label="Reasoning and reply">
      <p className="muted">
        Send a message: the model’s reasoning and its reply stream in here, side by side with their timings.
      </p>
    </section>
  );
}
