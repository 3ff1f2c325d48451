using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Queue;

public static class QueueApi
{
    public static IHostApplicationBuilder AddQueue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<QueueReads>();
        builder.Services.AddScoped<ListSlots>();
        builder.Services.AddScoped<BookSlot>();
        builder.Services.AddScoped<CancelBooking>();
        builder.Services.AddScoped<TakeTicket>();
        builder.Services.AddScoped<CallNext>();
        builder.Services.AddScoped<ActOnTicket>();
        builder.Services.AddScoped<AttachDossierToTicket>();
        builder.Services.AddScoped<ReadQueueStats>();
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
        group.MapGet("/units/{code}/slots", async Task<Results<Ok<SlotView[]>, ValidationProblem, ProblemHttpResult>> (string code, DateOnly? date, ListSlots handler, CancellationToken ct) =>
            await handler.HandleAsync(code, date, ct) switch
            {
                ListSlots.Listed(var slots) => TypedResults.Ok(slots),
                ListSlots.Invalid(var field, var message) => Invalid(field, message),
                ListSlots.UnknownUnit(var message) => Failed(message, StatusCodes.Status404NotFound),
                var other => throw Unexpected(other),
            }).Doc("listBookingSlots", "Các khung giờ đặt lịch còn trống", "Bookable slots at a unit's desk on a date.").AllowAnonymous();
        group.MapPost("/bookings", async Task<Results<Created<BookingView>, ValidationProblem, ProblemHttpResult>> (BookRequest body, BookSlot handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(body, user, ct) switch
            {
                BookSlot.Booked(var b) => TypedResults.Created($"/api/v1/queue/bookings/{b.Code}", b),
                BookSlot.Invalid(var field, var message) => Invalid(field, message),
                BookSlot.Full(var message) => Failed(message, StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            }).Doc("createBooking", "Đặt lịch hẹn nộp hồ sơ", "Books a slot at a desk.").ProducesProblem(StatusCodes.Status409Conflict).AllowAnonymous();
        group.MapPost("/bookings/{code}/cancel", async Task<Results<Ok<BookingView>, ValidationProblem, ProblemHttpResult>> (string code, CancelRequest body, CancelBooking handler, CancellationToken ct) =>
            await handler.HandleAsync(code, body.PhoneLast4, ct) switch
            {
                CancelBooking.Cancelled(var b) => TypedResults.Ok(b),
                CancelBooking.Invalid(var field, var message) => Invalid(field, message),
                CancelBooking.TooLate(var message) => Failed(message, StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            }).Doc("cancelBooking", "Hủy lịch hẹn", "Cancels a booking.").ProducesProblem(StatusCodes.Status409Conflict).AllowAnonymous();
        group.MapGet("/units/{code}/display", async Task<Results<Ok<DisplayView>, NotFound>> (string code, QueueReads reads, CancellationToken ct) =>
            await reads.DisplayAsync(code, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).Doc("getQueueDisplay", "Bảng hiển thị số thứ tự", "The public queue display of a unit.").AllowAnonymous();

        // Staff: inside their unit subtree.
        var staff = group.MapGroup("").RequireAuthorization(AccountsSetup.StaffPolicy);
        staff.MapGet("/counters", async (string? unit, QueueReads reads, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await reads.CountersAsync(user, unit, ct))).Doc("listCounters", "Danh sách quầy", "The desk counters of the caller's unit.");
        staff.MapGet("/counters/{id:int}/tickets", async Task<Results<Ok<TicketView[]>, NotFound>> (int id, QueueReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            await reads.CounterTicketsAsync(id, user, ct) is { } tickets ? TypedResults.Ok(tickets) : TypedResults.NotFound()).Doc("listCounterTickets", "Số thứ tự đang chờ tại quầy", "Tickets waiting at a counter.");
        // The counter travels in the body, so that a malformed or empty request is refused before anyone is called.
        staff.MapPost("/tickets/call-next", async Task<Results<Ok<TicketView>, NoContent, ValidationProblem, ProblemHttpResult>> (CallNextRequest body, CallNext handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(body, user, ct) switch
            {
                CallNext.Called(var ticket) => TypedResults.Ok(ticket),
                CallNext.NobodyWaiting => TypedResults.NoContent(),
                CallNext.Invalid(var field, var message) => Invalid(field, message),
                CallNext.NotFound(var message) => Failed(message, StatusCodes.Status404NotFound),
                CallNext.Busy(var message) => Failed(message, StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            }).Doc("callNextTicket", "Gọi số tiếp theo", "Calls the next ticket to a counter.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/tickets", async Task<Results<Created<TicketView>, ValidationProblem, ProblemHttpResult>> (IssueRequest body, TakeTicket handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(body, user, ct) switch
            {
                TakeTicket.Issued(var ticket) => TypedResults.Created($"/api/v1/queue/tickets/{ticket.Id}", ticket),
                TakeTicket.Invalid(var field, var message) => Invalid(field, message),
                TakeTicket.Conflict(var message) => Failed(message, StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            }).Doc("issueTicket", "Cấp số thứ tự", "Issues a queue ticket.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/tickets/{id:long}", async Task<Results<Ok<TicketView>, NotFound>> (long id, QueueReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            await reads.TicketAsync(id, user, ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NotFound()).Doc("getTicket", "Xem số thứ tự", "One queue ticket.");
        staff.MapPost("/tickets/{id:long}/actions", async Task<Results<Ok<TicketView>, ValidationProblem, ProblemHttpResult>> (long id, TicketActionRequest body, ActOnTicket handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, body.Action, user, ct) switch
            {
                ActOnTicket.Done(var ticket) => TypedResults.Ok(ticket),
                ActOnTicket.Invalid(var field, var message) => Invalid(field, message),
                ActOnTicket.NotFound(var message) => Failed(message, StatusCodes.Status404NotFound),
                ActOnTicket.Conflict(var message) => Failed(message, StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            }).Doc("actOnTicket", "Xử lý số thứ tự", "Serves, skips or transfers a ticket.").ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/stats", async Task<Results<Ok<CounterDayStats[]>, ValidationProblem, ProblemHttpResult>> (DateOnly? from, DateOnly? to, ReadQueueStats handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(user, from, to, ct) switch
            {
                ReadQueueStats.Listed(var rows) => TypedResults.Ok(rows),
                ReadQueueStats.Invalid(var field, var message) => Invalid(field, message),
                var other => throw Unexpected(other),
            }).Doc("getQueueStats", "Thống kê hàng đợi", "Waiting and serving times at a unit's desk.");
        return group;
    }

    /// <summary>A 400 as a validation problem on its field.</summary>
    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Other refusals (404, 409) as a problem with the same Vietnamese message.</summary>
    private static ProblemHttpResult Failed(string message, int status) => TypedResults.Problem(message, statusCode: status);

    private static InvalidOperationException Unexpected(object outcome) => new($"Unhandled queue outcome {outcome.GetType().Name}.");
}
