using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class HistoryChainTests
{
    private static readonly DateTime Start = new(2026, 10, 8, 1, 30, 0, DateTimeKind.Utc);

    private static List<ChainedEvent> BuildChain(int count = 5, Func<int, int>? versionOf = null)
    {
        var chain = new List<ChainedEvent>();
        for (var i = 1; i <= count; i++)
        {
            var content = new EventContent
            {
                DossierCode = "H15.50.05.13-261008-0975",
                Sequence = i,
                AtUtcTicks = EventContent.Ticks(Start.AddHours(i)),
                ActorId = $"user-{i}",
                ActorName = $"Cán bộ số {i}",
                Action = i == 1 ? "receive" : "forward",
                UnitCode = "584.MC",
                ToUnitCode = i == 1 ? null : "584.TCKH",
                ReasonCode = i == 4 ? "TL01" : null,
                StateBefore = i == 1 ? null : DossierStatus.InProcess,
                StateAfter = DossierStatus.InProcess,
                Note = i % 2 == 0 ? $"Ghi chú số {i}\nxuống dòng" : null,
                Attachments = i == 3 ? ["aaa", "bbb"] : [],
                DueDateBefore = i == 1 ? null : new DateOnly(2026, 10, 15),
                DueDateAfter = new DateOnly(2026, 10, 15),
            };
            chain.Add(HistoryChain.Append(chain.Count == 0 ? null : chain[^1], content, versionOf?.Invoke(i) ?? HistoryChain.Current));
        }

        return chain;
    }

    // Re-signs nothing: a tamperer edits the stored content and keeps the stored hashes.
    private static List<ChainedEvent> Tamper(List<ChainedEvent> chain, int index, Func<EventContent, EventContent> edit)
    {
        var copy = chain.ToList();
        copy[index] = copy[index] with { Content = edit(copy[index].Content) };
        return copy;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = BuildChain();

        Assert.Null(HistoryChain.Verify(chain));
        Assert.Null(HistoryChain.Verify(chain, chain[^1].Hash));
        Assert.Null(HistoryChain.Verify([]));
        Assert.Equal(HistoryChain.Genesis, chain[0].PreviousHash);
        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
    }

    [Fact]
    public void Hash_is_sha256_of_previous_hash_and_canonical_content()
    {
        var chain = BuildChain(2);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(chain[0].Hash + HistoryChain.Canonical(chain[1].Content))));

        Assert.Equal(expected, chain[1].Hash);
    }

    [Fact]
    public void Canonical_form_v1_is_stable()
    {
        var content = new EventContent
        {
            DossierCode = "H56-261008-0001",
            Sequence = 2,
            AtUtcTicks = 638955990000000000,
            ActorId = "u1",
            Action = "approve",
            StateBefore = DossierStatus.AwaitingApproval,
            StateAfter = DossierStatus.Approved,
            Note = "Đồng ý",
            Attachments = ["f1"],
            DueDateBefore = new DateOnly(2026, 10, 15),
            DueDateAfter = null,
        };

        Assert.Equal(
            "v=1:1\ndossier=15:H56-261008-0001\nseq=1:2\nat=18:638955990000000000\nactor=2:u1\naction=7:approve\n" +
            "before=16:AwaitingApproval\nafter=8:Approved\nnote=6:Đồng ý\nattachments=1:1\nattachment=2:f1\n" +
            "due-before=10:2026-10-15\ndue-after=~\n",
            HistoryChain.Canonical(content, 1));
        Assert.Matches("^[0-9a-f]{64}$", HistoryChain.ComputeHash(HistoryChain.Genesis, content, 1));
    }

    [Fact]
    public void Canonical_form_v2_is_stable_and_holds_every_stored_column()
    {
        var content = new EventContent
        {
            DossierCode = "H56-261008-0001",
            Sequence = 2,
            AtUtcTicks = 638955990000000000,
            ActorId = "u1",
            ActorName = "Nguyễn Văn A",
            Action = "refuse",
            StateBefore = DossierStatus.AwaitingApproval,
            StateAfter = DossierStatus.Refused,
            Note = "Không đủ điều kiện",
            Attachments = ["f1"],
            DueDateBefore = new DateOnly(2026, 10, 15),
            DueDateAfter = null,
            UnitCode = "584.TCKH",
            ToUnitCode = null,
            ReasonCode = "TL01",
        };

        Assert.Equal(
            "v=1:2\ndossier=15:H56-261008-0001\nseq=1:2\nat=18:638955990000000000\nactor=2:u1\nactor-name=12:Nguyễn Văn A\naction=6:refuse\n" +
            "before=16:AwaitingApproval\nafter=7:Refused\nnote=18:Không đủ điều kiện\nattachments=1:1\nattachment=2:f1\n" +
            "due-before=10:2026-10-15\ndue-after=~\nunit=8:584.TCKH\nto-unit=~\nreason=4:TL01\n",
            HistoryChain.Canonical(content));
        Assert.Equal(HistoryChain.Canonical(content), HistoryChain.Canonical(content, 2));
        Assert.NotEqual(HistoryChain.ComputeHash(HistoryChain.Genesis, content, 1), HistoryChain.ComputeHash(HistoryChain.Genesis, content));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryChain.Canonical(content, 3));
    }

    [Fact]
    public void A_forwards_medium_is_hashed_when_present_and_leaves_earlier_v2_events_unchanged()
    {
        var forward = new EventContent
        {
            DossierCode = "56.BACAI-261207-0001",
            Sequence = 2,
            AtUtcTicks = 639000000000000000,
            ActorId = "u1",
            Action = "forward",
            StateAfter = DossierStatus.InProcess,
            UnitCode = "56.BACAI",
            ToUnitCode = "56.PHUOCBINH",
        };

        Assert.DoesNotContain("medium=", HistoryChain.Canonical(forward));
        Assert.EndsWith("reason=~\nmedium=5:paper\n", HistoryChain.Canonical(forward with { Medium = "paper" }));
        var paper = HistoryChain.Append(null, forward with { Sequence = 1, Medium = "paper" });
        Assert.Null(HistoryChain.Verify([paper]));
        Assert.Equal(1, HistoryChain.Verify([paper with { Content = paper.Content with { Medium = "electronic" } }]));
        Assert.Equal(1, HistoryChain.Verify([paper with { Content = paper.Content with { Medium = null } }]));
    }

    public static TheoryData<string> Fields =>
    [
        "dossier", "seq", "at", "actor", "action", "before", "after", "note", "attachments", "due-before", "due-after",
        "actor-name", "unit", "to-unit", "reason",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Tampering_with_any_field_is_detected_at_that_event(string field)
    {
        var chain = BuildChain();
        var tampered = Tamper(chain, 2, c => field switch
        {
            "dossier" => c with { DossierCode = "H15.50.05.13-261008-0976" },
            "seq" => c with { Sequence = 30 },
            "at" => c with { AtUtcTicks = c.AtUtcTicks + 1 },
            "actor" => c with { ActorId = "someone-else" },
            "action" => c with { Action = "approve" },
            "before" => c with { StateBefore = DossierStatus.Received },
            "after" => c with { StateAfter = DossierStatus.Approved },
            "note" => c with { Note = "sửa" },
            "attachments" => c with { Attachments = ["aaa"] },
            "due-before" => c with { DueDateBefore = new DateOnly(2026, 10, 16) },
            "due-after" => c with { DueDateAfter = new DateOnly(2026, 10, 20) },
            "actor-name" => c with { ActorName = "Người khác" },
            "unit" => c with { UnitCode = "584.TP" },
            "to-unit" => c with { ToUnitCode = null },
            _ => c with { ReasonCode = "TL02" },
        });

        Assert.Equal(3, HistoryChain.Verify(tampered));
        Assert.Contains(field + "=", HistoryChain.Canonical(chain[2].Content));
    }

    [Fact]
    public void A_chain_written_under_v1_keeps_verifying_and_is_counted()
    {
        var chain = BuildChain(versionOf: _ => 1);

        Assert.Equal(new ChainCheck(null, 5), HistoryChain.Check(chain, chain[^1].Hash));
        Assert.Equal(3, HistoryChain.Verify(Tamper(chain, 2, c => c with { Note = "sửa" })));
    }

    [Fact]
    public void A_v1_chain_continued_under_v2_verifies()
    {
        var chain = BuildChain(versionOf: i => i <= 3 ? 1 : 2);

        Assert.Equal(new ChainCheck(null, 3), HistoryChain.Check(chain, chain[^1].Hash));
        Assert.Equal(4, HistoryChain.Verify(Tamper(chain, 3, c => c with { UnitCode = "584.TP" })));
    }

    [Fact]
    public void A_chain_never_goes_back_from_v2_to_v1()
    {
        var chain = BuildChain(versionOf: i => i == 3 ? 1 : 2);

        Assert.Equal(3, HistoryChain.Verify(chain));
    }

    [Fact]
    public void The_v1_form_leaves_units_names_and_reasons_out_which_is_why_v2_exists()
    {
        var chain = BuildChain(versionOf: _ => 1);

        Assert.Null(HistoryChain.Verify(Tamper(chain, 3, c => c with { UnitCode = "584.TP", ActorName = "x", ReasonCode = "TL09", ToUnitCode = null })));
    }

    [Fact]
    public void Null_and_empty_note_hash_differently()
    {
        var chain = BuildChain();
        Assert.Null(chain[0].Content.Note);
        Assert.Equal(1, HistoryChain.Verify(Tamper(chain, 0, c => c with { Note = "" })));
    }

    [Fact]
    public void Moving_text_between_fields_is_detected()
    {
        var chain = BuildChain();
        var tampered = Tamper(chain, 1, c => c with { ActorId = c.ActorId + "forward", Action = "" });
        Assert.Equal(2, HistoryChain.Verify(tampered));
    }

    [Fact]
    public void Recomputing_a_tampered_events_hash_breaks_the_next_link()
    {
        var chain = BuildChain();
        var edited = chain[1].Content with { Note = "sửa" };
        chain[1] = chain[1] with { Content = edited, Hash = HistoryChain.ComputeHash(chain[1].PreviousHash, edited) };

        Assert.Equal(3, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Deleting_an_event_is_detected()
    {
        var chain = BuildChain();
        chain.RemoveAt(1);

        Assert.Equal(2, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Deleting_the_first_event_is_detected()
    {
        var chain = BuildChain();
        chain.RemoveAt(0);

        Assert.Equal(1, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Deleting_the_tail_is_detected_against_the_stored_head_hash()
    {
        var chain = BuildChain();
        var head = chain[^1].Hash;
        chain.RemoveAt(chain.Count - 1);

        Assert.Null(HistoryChain.Verify(chain));
        Assert.Equal(5, HistoryChain.Verify(chain, head));
    }

    [Fact]
    public void Reordering_events_is_detected()
    {
        var chain = BuildChain();
        (chain[2], chain[3]) = (chain[3], chain[2]);

        Assert.Equal(3, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Renumbering_after_a_deletion_is_detected()
    {
        var chain = BuildChain();
        chain.RemoveAt(1);
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Content = chain[i].Content with { Sequence = i + 1 } };
        }

        Assert.Equal(2, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Null_and_empty_optional_v2_fields_hash_differently()
    {
        var chain = BuildChain();
        Assert.Null(chain[0].Content.ToUnitCode);
        Assert.Equal(1, HistoryChain.Verify(Tamper(chain, 0, c => c with { ToUnitCode = "" })));
        Assert.Equal(1, HistoryChain.Verify(Tamper(chain, 0, c => c with { Attachments = [""] })));
    }

    [Fact]
    public void Splicing_another_dossiers_event_is_detected()
    {
        var chain = BuildChain();
        var other = chain[1].Content with { DossierCode = "H56-261008-0001" };
        chain[1] = new ChainedEvent(other, chain[0].Hash, HistoryChain.ComputeHash(chain[0].Hash, other));

        Assert.Equal(2, HistoryChain.Verify(chain));
    }

    [Fact]
    public void Append_refuses_a_gap_in_sequence()
    {
        var chain = BuildChain(2);
        Assert.Throws<ArgumentException>(() => HistoryChain.Append(chain[^1], chain[^1].Content with { Sequence = 4 }));
        Assert.Throws<ArgumentException>(() => EventContent.Ticks(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }
}
