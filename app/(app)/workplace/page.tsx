import { redirect } from "next/navigation";

export default function WorkplacePage() {
  redirect("/workplace/my-school");
}
