/** A form's error, announced to screen readers; renders nothing without a message. */
export function FormError({ message, id, className = "" }: { message: string | null | undefined; id?: string; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" id={id} className={`rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}>
      {message}
    </p>
  );
}
