using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record FollowUpDto(int Id, string Action, DateOnly Deadline, DateOnly? DoneOn, bool Overdue);

public sealed record InspectionDto(int Id, string UnitCode, string UnitName, DateOnly ScheduledOn, DateOnly? HeldOn, bool Surprise, string? Inspectors, string? Findings, FollowUpDto[] FollowUps);

public sealed record DeskCountDto(string UnitCode, string UnitName, int Held, int Scheduled, int Target, bool Met);

public sealed record InspectionRequest(string? UnitCode, DateOnly? ScheduledOn, DateOnly? HeldOn, bool? Surprise, string? Inspectors, string? Findings);

public sealed record FollowUpRequest(string? Action, DateOnly? Deadline, DateOnly? DoneOn);

public static class InspectionsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/inspections", List).Doc("listInspections", "Danh sách kiểm tra cải cách hành chính", "Inspections of units.");
        group.MapGet("/reform/inspections/counts", Counts).Doc("countInspections", "Số cuộc kiểm tra theo đơn vị", "Inspection counts per unit and year.");
        group.MapPost("/reform/inspections", Create).Doc("createInspection", "Thêm cuộc kiểm tra", "Plans an inspection.");
        group.MapPut("/reform/inspections/{id:int}", Update).Doc("updateInspection", "Cập nhật cuộc kiểm tra", "Records an inspection's findings.");
        group.MapPost("/reform/inspections/{id:int}/follow-ups", AddFollowUp).Doc("createInspectionFollowUp", "Thêm việc khắc phục sau kiểm tra", "A follow-up task after an inspection.");
    }

    private static async Task<Results<Ok<InspectionDto[]>, ValidationProblem>> List(
        int? year, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return InvalidYear(t);
        }

        var today = VietnamTime.Today(time);
        return TypedResults.Ok(await ListInspections.ListAsync(db, user, year ?? today.Year, today, ct));
    }

    private static async Task<Results<Ok<DeskCountDto[]>, ValidationProblem>> Counts(
        int? year, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        year is < 2000 or > 2100
            ? InvalidYear(t)
            : TypedResults.Ok(await ListInspections.CountsAsync(db, ReformAccess.Scope(user), year ?? VietnamTime.Today(time).Year, ct));

    private static ValidationProblem InvalidYear(IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Năm phải từ 2000 đến 2100."]] }, title: t["Dữ liệu không hợp lệ"]);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(errors, title: t["Dữ liệu kiểm tra không hợp lệ"]);

    private static async Task<Results<Created<InspectionDto>, ValidationProblem, ForbidHttpResult>> Create(
        InspectionRequest body, SaveInspection handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        switch (await handler.HandleAsync(null, body, user, ct))
        {
            case SaveInspection.Saved(var inspection):
                var today = VietnamTime.Today(time);
                var dto = (await ListInspections.ListAsync(db, user, inspection.ScheduledOn.Year, today, ct)).Single(i => i.Id == inspection.Id);
                return TypedResults.Created($"/api/v1/reform/inspections/{inspection.Id}", dto);
            case SaveInspection.Invalid(var errors):
                return Invalid(errors, t);
            default:
                return TypedResults.Forbid();
        }
    }

    private static async Task<Results<Ok<InspectionDto>, NotFound, ValidationProblem, ForbidHttpResult>> Update(
        int id, InspectionRequest body, SaveInspection handler, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            SaveInspection.Saved(var inspection) => TypedResults.Ok((await ListInspections.ListAsync(db, user, inspection.ScheduledOn.Year, VietnamTime.Today(time), ct)).Single(i => i.Id == id)),
            SaveInspection.Invalid(var errors) => Invalid(errors, t),
            SaveInspection.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<Created<FollowUpDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddFollowUp(
        int id, FollowUpRequest body, AddFollowUp handler, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            ReformPlan.AddFollowUp.Added(var f, _) => TypedResults.Created($"/api/v1/reform/inspections/{id}", ListInspections.ToDto(f, VietnamTime.Today(time))),
            ReformPlan.AddFollowUp.Invalid(var message) => Invalid(new Dictionary<string, string[]> { ["action"] = [message] }, t),
            ReformPlan.AddFollowUp.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };
}
