using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Operations;

namespace MotCua.Web.Features.Queue;

public static class QueueApi
{
    public static IHostApplicationBuilder AddQueue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<QueueService>();
        builder.Services.AddSingleton<QueueReminders>();
        builder.Services.AddScheduledJob(
            new(QueueReminders.JobName, "Nhắc lịch hẹn và đánh dấu vắng mặt",
                TimeSpan.FromSeconds(Math.Max(5, builder.Configuration.GetValue("Queue:ReminderIntervalSeconds", 600))), builder.Configuration.GetValue("Queue:RemindersEnabled", true)),
            (sp, ct) => sp.GetRequiredService<QueueReminders>().RunOnceAsync(ct));

        return builder;
    }

    public static RouteGroupBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/queue").WithTags("Queue");

        // Citizens: anonymous or signed in.
        group.MapGet("/units/{code}/slots", async Task<Results<Ok<SlotView[]>, ValidationProblem, ProblemHttpResult>> (string code, DateOnly? date, QueueService queue, CancellationToken ct) =>
            await queue.SlotsAsync(code, date, ct) switch
            {
                (var slots, null) => TypedResults.Ok(slots!),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            }).AllowAnonymous();
        group.MapPost("/bookings", async Task<Results<Created<BookingView>, ValidationProblem, ProblemHttpResult>> (BookRequest body, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.BookAsync(body, user, ct) switch
            {
                (var b, null) => TypedResults.Created($"/api/v1/queue/bookings/{b!.Code}", b),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            }).AllowAnonymous();
        group.MapPost("/bookings/{code}/cancel", async Task<Results<Ok<BookingView>, ValidationProblem, ProblemHttpResult>> (string code, CancelRequest body, QueueService queue, CancellationToken ct) =>
            await queue.CancelAsync(code, body.PhoneLast4, ct) switch
            {
                (var b, null) => TypedResults.Ok(b!),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            }).AllowAnonymous();
        group.MapGet("/units/{code}/display", async Task<Results<Ok<DisplayView>, NotFound>> (string code, QueueService queue, CancellationToken ct) =>
            await queue.DisplayAsync(code, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).AllowAnonymous();

        // Staff: inside their unit subtree.
        var staff = group.MapGroup("").RequireAuthorization(AccountsSetup.StaffPolicy);
        staff.MapGet("/counters", async (string? unit, QueueService queue, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await queue.CountersAsync(user, unit, ct)));
        staff.MapGet("/counters/{id:int}/tickets", async Task<Results<Ok<TicketView[]>, NotFound>> (int id, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.CounterTicketsAsync(id, user, ct) is { } tickets ? TypedResults.Ok(tickets) : TypedResults.NotFound());
        // The counter travels in the body, so that a malformed or empty request is refused before anyone is called.
        staff.MapPost("/tickets/call-next", async Task<Results<Ok<TicketView>, NoContent, ValidationProblem, ProblemHttpResult>> (CallNextRequest body, QueueService queue, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            body.CounterId is not { } id
                ? Invalid(new("counterId", t["Chọn một quầy phục vụ của đơn vị."]))
                : await queue.CallNextAsync(id, user, ct) switch
                {
                    (null, null) => TypedResults.NoContent(),
                    (var ticket, null) => TypedResults.Ok(ticket!),
                    (_, { Status: 400 } e) => Invalid(e),
                    (_, { } e) => Failed(e),
                });
        staff.MapPost("/tickets", async Task<Results<Created<TicketView>, ValidationProblem, ProblemHttpResult>> (IssueRequest body, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.IssueAsync(body, user, ct) switch
            {
                (var ticket, null) => TypedResults.Created($"/api/v1/queue/tickets/{ticket!.Id}", ticket),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            });
        staff.MapGet("/tickets/{id:long}", async Task<Results<Ok<TicketView>, NotFound>> (long id, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.TicketAsync(id, user, ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NotFound());
        staff.MapPost("/tickets/{id:long}/actions", async Task<Results<Ok<TicketView>, ValidationProblem, ProblemHttpResult>> (long id, TicketActionRequest body, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.ActAsync(id, body.Action, user, ct) switch
            {
                (var ticket, null) => TypedResults.Ok(ticket!),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            });
        staff.MapGet("/stats", async Task<Results<Ok<CounterDayStats[]>, ValidationProblem, ProblemHttpResult>> (DateOnly? from, DateOnly? to, QueueService queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.StatsAsync(user, from, to, ct) switch
            {
                (var rows, null) => TypedResults.Ok(rows!),
                (_, { Status: 400 } e) => Invalid(e),
                (_, { } e) => Failed(e),
            });
        return group;
    }

    /// <summary>A 400 as a validation problem on its field.</summary>
    private static ValidationProblem Invalid(QueueError e) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });

    /// <summary>Other refusals (404, 409) as a problem with the same Vietnamese message.</summary>
    private static ProblemHttpResult Failed(QueueError e) => TypedResults.Problem(e.Message, statusCode: e.Status);
}
