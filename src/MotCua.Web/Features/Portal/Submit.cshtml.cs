using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed class DocChoice
{
    public string? Name { get; set; }

    /// <summary>"upload" or the id of a stored document.</summary>
    public string? Choice { get; set; }
}

/// <summary>
/// Online submission: one page with the applicant and the procedure's documents. Every post saves the draft first, so
/// a failed submission keeps what was typed and the files already sent; works without JavaScript (multipart form).
/// </summary>
[Authorize(Roles = Roles.Citizen)]
[RequestFormLimits(MultipartBodyLengthLimit = 200 * 1024 * 1024)]
public sealed class SubmitModel(Drafts drafts, SaveUpload uploads, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Draft { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? TaxCode { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<DocChoice> Docs { get; set; } = [];

    public Procedure? Proc { get; private set; }
    public PortalDraft? Current { get; private set; }
    public UnitOption[] Units { get; private set; } = [];
    public FormDocument[] Form { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? ProblemText { get; private set; }
    public string[] Missing { get; private set; } = [];
    public bool Saved { get; private set; }
    public long MaxMegabytes => uploads.MaxBytes / 1024 / 1024;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Current?.DossierCode is { } code)
        {
            return Redirect($"/Portal/Receipt?code={Uri.EscapeDataString(code)}");
        }

        Current ??= await drafts.NewAsync(Proc!, User, ct);
        Fill(Current);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => PostAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => PostAsync(submit: true, ct);

    private async Task<IActionResult> PostAsync(bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var isNew = Current is null;
        var draft = Current ?? await drafts.NewAsync(Proc!, User, ct);
        var documents = new List<DraftDocumentInput>();
        var uploadErrors = new Dictionary<string, string[]>();
        for (var i = 0; i < Proc!.Documents.Count; i++)
        {
            var name = Proc.Documents[i].Name;
            var previous = draft.Documents.FirstOrDefault(d => d.Name == name);
            var choice = i < Docs.Count ? Docs[i].Choice : null;
            var fileId = previous?.FileId;
            if (Request.Form.Files.GetFile($"file_{i}") is { Length: > 0 } file)
            {
                switch (await uploads.CheckAndStoreAsync(file, UserId, ct))
                {
                    case SaveUpload.Saved(var f):
                        fileId = f.Id;
                        choice = "upload";
                        break;
                    case SaveUpload.Rejected(var message, _):
                        uploadErrors[$"documents[{i}]"] = [$"{Short(name)}: {message}"];
                        break;
                }
            }

            long? storedId = choice is not null && choice != "upload" && long.TryParse(choice, out var sid) ? sid : null;
            documents.Add(new DraftDocumentInput(name, storedId is null ? fileId : null, storedId));
        }

        // Commit the accepted uploads first: the draft only takes files its owner has stored.
        await db.SaveChangesAsync(ct);
        var input = new DraftInput(Proc.Code, UnitCode, FullName, IdNumber, TaxCode, Phone, Email, Address, [.. documents]);
        switch (await drafts.SaveAsync(draft, input, isNew, ct))
        {
            case Drafts.Invalid(var e):
                Errors = PortalPage.Lower(e);
                break;
            case Drafts.Saved(var d):
                Current = d;
                Draft = d.Id;
                Saved = !submit;
                break;
        }

        foreach (var (k, v) in uploadErrors)
        {
            Errors[k] = v;
        }

        if (submit && Errors.Count == 0)
        {
            switch (await drafts.SubmitAsync(Current!, User, ct))
            {
                case Drafts.Submitted(_, var dossier):
                    return Redirect($"/Portal/Receipt?code={Uri.EscapeDataString(dossier.Code)}");
                case Drafts.Invalid(var e):
                    Errors = PortalPage.Lower(e);
                    break;
                case Drafts.Problem(var title, var detail, var missing):
                    ProblemText = $"{title}: {detail}";
                    Missing = missing;
                    break;
            }
        }

        Fill(Current ?? draft);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Draft is { } id)
        {
            Current = await drafts.FindAsync(id, UserId, ct);
            if (Current is null)
            {
                return false;
            }

            Procedure = Current.ProcedureCode;
        }

        Proc = await drafts.OnlineProcedureAsync(Procedure, ct);
        if (Proc is null)
        {
            return false;
        }

        Units = await drafts.UnitsAsync(Proc.Code, ct);
        Form = await PersonalStore.FormAsync(db, Proc, UserId, VietnamTime.Today(time), ct);
        return true;
    }

    /// <summary>Shows the draft as saved; a component without a choice yet is offered its stored document first.</summary>
    private void Fill(PortalDraft d)
    {
        UnitCode = d.UnitCode ?? (Units.Length == 1 ? Units[0].Code : null);
        FullName = d.FullName;
        IdNumber = d.IdNumber;
        TaxCode = d.TaxCode;
        Phone = d.Phone;
        Email = d.Email;
        Address = d.Address;
        Docs = [.. Form.Select(f =>
        {
            var saved = d.Documents.FirstOrDefault(x => x.Name == f.Name);
            var choice = saved?.StoredDocumentId is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : saved?.FileId is not null ? "upload"
                : f.Offers.Length > 0 ? f.Offers[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "upload";
            return new DocChoice { Name = f.Name, Choice = choice };
        })];
    }

    public DraftDocument? SavedDocument(string name) => Current?.Documents.FirstOrDefault(x => x.Name == name);

    private static string Short(string name) => name.Length <= 80 ? name : name[..77] + "…";
}
