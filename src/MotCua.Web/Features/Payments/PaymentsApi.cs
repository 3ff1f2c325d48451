using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Operations;
using MotCua.Web.Features.Payments.Sandbox;
using MotCua.Web.Features.Payments.VnPay;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

public static class PaymentsApi
{
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Payments");
        builder.Services.Configure<PaymentOptions>(section);
        var settings = section.Get<PaymentOptions>() ?? new();
        var gateway = Selected(builder.Configuration);
        switch (gateway)
        {
            case SelectedGateway.VnPay:
                builder.Services.AddHttpClient(VnPayGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(Math.Max(1, settings.VnPay.TimeoutSeconds)));
                builder.Services.AddSingleton<IPaymentGateway, VnPayGateway>();
                break;
            case SelectedGateway.Sandbox:
                builder.Services.AddSingleton<SandboxGateway>();
                builder.Services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
                break;
            default:
                builder.Services.AddSingleton<IPaymentGateway, UnavailableGateway>();
                break;
        }

        builder.Services.AddScoped<StartPayment>();
        builder.Services.AddScoped<ResolvePaymentIssue>();
        builder.Services.AddScoped<PaymentCallbacks>();
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        builder.Services.AddSingleton(sp => new PaymentReconciler(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IPaymentGateway>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PaymentOptions>>(), sp.GetRequiredService<Operations.ScheduledJobs>(), sp.GetRequiredService<ILogger<PaymentReconciler>>(), owner));
        builder.Services.AddScheduledJob(
            new(PaymentReconciler.JobName, "Đối soát thanh toán", TimeSpan.FromSeconds(Math.Max(5, settings.Reconciliation.IntervalSeconds)),
                settings.Reconciliation.Enabled && gateway != SelectedGateway.None),
            (sp, ct) => sp.GetRequiredService<PaymentReconciler>().RunOnceAsync(ct));

        return builder;
    }

    public enum SelectedGateway
    {
        None,
        Sandbox,
        VnPay,
    }

    /// <summary>
    /// <c>Payments:Gateway</c>: VnPay when so configured; the sandbox only in demo mode (its secret is public, so outside
    /// demo mode anyone could sign its callbacks); else none, and online payment is off.
    /// </summary>
    public static SelectedGateway Selected(IConfiguration config)
    {
        var name = config["Payments:Gateway"] ?? GatewayNames.Sandbox;
        if (string.Equals(name, GatewayNames.VnPay, StringComparison.OrdinalIgnoreCase))
        {
            return SelectedGateway.VnPay;
        }

        if (!string.Equals(name, GatewayNames.Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Payments:Gateway must be {GatewayNames.VnPay} or {GatewayNames.Sandbox} (demo mode only), not '{name}'.");
        }

        return DemoMode.IsOn(config) ? SelectedGateway.Sandbox : SelectedGateway.None;
    }

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/v1/dossiers/{code}/payments").WithTags("Payments").RequireAuthorization();
        dossiers.MapPost("/", Start).Doc("startPayment", "Bắt đầu thanh toán phí, lệ phí", "Starts an online payment of a dossier's fees.").ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapGet("/", List).Doc("listDossierPayments", "Các khoản thanh toán của hồ sơ", "Payments of a dossier.");
        var payments = app.MapGroup("/api/v1/payments").WithTags("Payments");
        // The gateway's callback exists only with a gateway whose secret is not public: VNPay, or the sandbox in demo mode.
        if (app.ServiceProvider.GetRequiredService<IPaymentGateway>() is not UnavailableGateway)
        {
            payments.MapGet("/ipn", Ipn).Doc("receivePaymentNotification", "Thông báo kết quả thanh toán từ cổng (IPN)", "The payment gateway's instant payment notification.").AllowAnonymous();
        }

        payments.MapGet("/{reference}/receipt.pdf", Receipt).Doc("getPaymentReceipt", "Biên lai thanh toán (PDF)", "The receipt of a payment as PDF.").ProducesFile("application/pdf").RequireAuthorization();
        payments.MapGet("/issues", Issues).Doc("listPaymentIssues", "Các khoản thanh toán cần đối soát", "Payments that need reconciliation by an officer.").RequireAuthorization(AccountsSetup.AdminPolicy);
        payments.MapPost("/issues/{id:long}/resolve", Resolve).Doc("resolvePaymentIssue", "Xử lý một khoản thanh toán cần đối soát", "Resolves a payment issue.").RequireAuthorization(AccountsSetup.AdminPolicy);
        payments.MapPost("/reconcile", Reconcile).Doc("reconcilePayments", "Đối soát thanh toán", "Reconciles payments with the gateway.").ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(AccountsSetup.AdminPolicy);
        return app;
    }

    private static async Task<Results<Created<PaymentDto>, NotFound, ProblemHttpResult>> Start(
        string code, StartPayment handler, ClaimsPrincipal user, HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        switch (await handler.HandleAsync(code, user, StartPayment.ReturnUrl(http.Request.Scheme, http.Request.Host.ToString()), ip, ct))
        {
            case StartPayment.Started(var p):
                return TypedResults.Created($"/api/v1/dossiers/{code}/payments", p);
            case StartPayment.Forbidden(var message):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden);
            case StartPayment.Conflict(var message):
                return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: t["Không thể thanh toán"]);
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<PaymentDto[]>, NotFound>> List(string code, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await db.Dossiers.Visible(user).Where(d => d.Code == code).Select(d => (long?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Payments.AsNoTracking().Where(p => p.DossierId == id).OrderBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => StartPayment.ToDto(p)).ToArray());
    }

    /// <summary>The gateway's server-to-server notification (VNPay IPN): always 200 with an RspCode, as the gateway expects.</summary>
    private static async Task<Ok<IpnResponse>> Ipn(HttpRequest request, PaymentCallbacks callbacks, CancellationToken ct)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return TypedResults.Ok(await callbacks.HandleIpnAsync(parameters, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Receipt(string reference, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference && p.Status == PaymentStatus.Paid, ct);
        if (payment is null || !await db.Dossiers.Visible(user).AnyAsync(d => d.Id == payment.DossierId, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(await ReceiptPdf.RenderAsync(db, payment, ct), "application/pdf", $"bien-lai-{payment.ReceiptNo}.pdf");
    }

    private static async Task<Ok<IssueDto[]>> Issues(AppDbContext db, bool? open, CancellationToken ct) =>
        TypedResults.Ok(await ListPaymentIssues.QueryAsync(db, open ?? true, ct));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Resolve(
        long id, ResolveRequest body, ResolvePaymentIssue handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            ResolvePaymentIssue.Resolved => TypedResults.NoContent(),
            ResolvePaymentIssue.Invalid(var field, var message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<ReconciliationReport>, ProblemHttpResult>> Reconcile(PaymentReconciler reconciler, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await reconciler.RunOnceAsync(ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(t["Một phiên đối soát khác đang chạy."], statusCode: StatusCodes.Status409Conflict);
}
