export default function ReceiptNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 px-4 py-6 text-center">
      <h1 className="text-2xl font-semibold">Receipt not found</h1>
      <p className="text-neutral-600">This receipt does not exist, or the payment did not go through. Square also emails receipts when you give an email address.</p>
    </main>
  );
}
