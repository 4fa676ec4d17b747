import { formatMessageTime } from "@/lib/ticket-labels";

type Message = { id: string; body: string; createdAt: Date; fromSupport: boolean; author: { name: string } | null };

/**
 * A ticket's messages, oldest first. `perspective` decides the names: the person sees "You" and
 * "Schoot support" (support staff's own names stay private); support sees everyone's name.
 */
export function TicketConversation({ messages, perspective }: { messages: Message[]; perspective: "person" | "support" }) {
  return (
    <ol className="space-y-3" aria-label="Conversation">
      {messages.map((message) => {
        const who =
          perspective === "person"
            ? message.fromSupport ? "Schoot support" : "You"
            : message.fromSupport ? `${message.author?.name ?? "Schoot support"} (Schoot support)` : (message.author?.name ?? "Former user");
        return (
          <li
            key={message.id}
            data-testid="ticket-message"
            className={`rounded-lg border p-4 ${message.fromSupport ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white"}`}
          >
            <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-semibold text-slate-900">{who}</span>
              <time dateTime={message.createdAt.toISOString()} className="text-slate-600">{formatMessageTime(message.createdAt)}</time>
            </p>
            <p className="mt-2 whitespace-pre-wrap text-slate-900">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
