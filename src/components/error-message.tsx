/** A failed query's or mutation's message in the app's error style; nothing when there is no error. */
export function ErrorMessage({ error }: { error: { message: string } | null | undefined }) {
  if (!error) return null;
  return <p className="rounded border border-red-800 bg-red-950/60 p-2 text-sm text-red-200">{error.message}</p>;
}
