import { redirect } from "next/navigation";

export default function Home() {
  redirect("/workplace/my-school");
}
