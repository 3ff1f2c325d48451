using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Documents;

/// <summary>One work file: add a document, note or task, finish tasks, close it online or record it as handled on paper.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class WorkFileModel(WorkFiles files) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public long? DocumentId { get; set; }
    [BindProperty] public long ItemId { get; set; }
    [BindProperty] public string? Medium { get; set; }
    [BindProperty] public string? Note { get; set; }
    public WorkFileView WorkFile { get; private set; } = null!;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostItemAsync(CancellationToken ct) =>
        await After(await files.AddItemAsync(Id, new WorkItemRequest(Kind, DocumentId, Text), User, ct), ct);

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken ct) => await After(await files.FinishTaskAsync(Id, ItemId, User, ct), ct);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => await After(await files.CloseAsync(Id, new CloseWorkFileRequest(Medium, Note), User, ct), ct);

    private async Task<IActionResult> After(WorkFiles.Outcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case WorkFiles.Done:
                return Redirect($"/Documents/WorkFile?id={Id}");
            case WorkFiles.NotFound:
                return NotFound();
            case WorkFiles.Invalid(var field, var message):
                Errors[field] = [message];
                break;
            case WorkFiles.Refused(var message):
                Error = message;
                break;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await files.OneAsync(Id, User, ct) is not { } f)
        {
            return false;
        }

        WorkFile = f;
        return true;
    }
}
