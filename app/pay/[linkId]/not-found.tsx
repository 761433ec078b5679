export default function CheckoutNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 px-4 py-6 text-center">
      <h1 className="text-2xl font-semibold">This checkout link isn&apos;t available</h1>
      <p className="text-neutral-600">It may have been turned off or mistyped. Ask the seller for a new link.</p>
    </main>
  );
}
