interface FieldErrorProps {
  id: string;
  message: string | null;
}

/** A field's problem, right below it; the field points to it with aria-describedby. Empty when all is well. */
export function FieldError({ id, message }: FieldErrorProps) {
  return (
    <p id={id} className="sidebar-error" hidden={message === null}>
      {message}
    </p>
  );
}
