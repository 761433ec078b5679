import { redirect } from "next/navigation";

// The dashboard's home; anonymous visitors are sent on to sign in from there.
export default function Home() {
  redirect("/customers");
}
