import { redirect } from "next/navigation";

export default function CoursesPage() {
  redirect("/courses/my-courses");
}
