import { redirect } from "next/navigation";
import { currentUser } from "~/web/auth";

export default async function Home() {
  redirect((await currentUser()) ? "/launcher" : "/signin");
}
