// An iCalendar file as an HTTP response.
export function icsResponse(text: string, fileName: string, download = true): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${fileName.replace(/[^A-Za-z0-9._-]+/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}
