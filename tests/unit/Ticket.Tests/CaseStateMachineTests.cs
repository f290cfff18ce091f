using MucGov.Ticket.Cases;
using Xunit;

namespace MucGov.Ticket.Tests;

public sealed class CaseStateMachineTests
{
    public static TheoryData<string, CaseAction, string> Allowed => new()
    {
        { CaseStatus.New, CaseAction.Claim, CaseStatus.InProgress },
        { CaseStatus.InProgress, CaseAction.Release, CaseStatus.New },
        { CaseStatus.InProgress, CaseAction.Reply, CaseStatus.InProgress },
        { CaseStatus.WaitingForCitizen, CaseAction.Reply, CaseStatus.WaitingForCitizen },
        { CaseStatus.InProgress, CaseAction.RequestInfo, CaseStatus.WaitingForCitizen },
        { CaseStatus.WaitingForCitizen, CaseAction.CitizenReplied, CaseStatus.InProgress },
        { CaseStatus.New, CaseAction.CitizenReplied, CaseStatus.New },
        { CaseStatus.InProgress, CaseAction.CitizenReplied, CaseStatus.InProgress },
        { CaseStatus.Resolved, CaseAction.CitizenReplied, CaseStatus.Resolved },
        { CaseStatus.New, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.InProgress, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.WaitingForCitizen, CaseAction.Transfer, CaseStatus.New },
        { CaseStatus.InProgress, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.WaitingForCitizen, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.New, CaseAction.Note, CaseStatus.New },
        { CaseStatus.Resolved, CaseAction.Note, CaseStatus.Resolved },
        { CaseStatus.New, CaseAction.CloseForErasure, CaseStatus.Resolved },
        { CaseStatus.WaitingForCitizen, CaseAction.CloseForErasure, CaseStatus.Resolved },
    };

    public static TheoryData<string, CaseAction, string> Refused => new()
    {
        { CaseStatus.InProgress, CaseAction.Claim, "already claimed" },
        { CaseStatus.WaitingForCitizen, CaseAction.Claim, "already claimed" },
        { CaseStatus.New, CaseAction.Release, "not claimed" },
        { CaseStatus.WaitingForCitizen, CaseAction.Release, "waiting for the citizen" },
        { CaseStatus.New, CaseAction.Reply, "Claim the case first" },
        { CaseStatus.New, CaseAction.RequestInfo, "Claim the case first" },
        { CaseStatus.New, CaseAction.Resolve, "Claim the case first" },
        { CaseStatus.WaitingForCitizen, CaseAction.RequestInfo, "already waiting" },
        { CaseStatus.Resolved, CaseAction.Claim, "resolved" },
        { CaseStatus.Resolved, CaseAction.Release, "resolved" },
        { CaseStatus.Resolved, CaseAction.Reply, "resolved" },
        { CaseStatus.Resolved, CaseAction.RequestInfo, "resolved" },
        { CaseStatus.Resolved, CaseAction.Transfer, "resolved" },
        { CaseStatus.Resolved, CaseAction.Resolve, "resolved" },
        { CaseStatus.Resolved, CaseAction.CloseForErasure, "resolved" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Legal_transition_leads_to_its_status(string from, CaseAction action, string to)
    {
        var transition = CaseStateMachine.Apply(from, action);

        Assert.True(transition.Allowed, transition.Refusal);
        Assert.Equal(to, transition.To);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Illegal_transition_is_refused_with_a_reason(string from, CaseAction action, string reason)
    {
        var transition = CaseStateMachine.Apply(from, action);

        Assert.False(transition.Allowed);
        Assert.Contains(reason, transition.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_status_and_action_has_an_answer()
    {
        foreach (var status in CaseStatus.All)
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                var transition = CaseStateMachine.Apply(status, action);
                Assert.True(transition.Allowed ^ transition.Refusal is not null, $"{status} + {action}");
                Assert.True(transition.To is null || CaseStatus.All.Contains(transition.To), $"{status} + {action} → {transition.To}");
            }
        }
    }

    [Theory]
    [InlineData(Priorities.Normal, Priorities.High)]
    [InlineData(Priorities.High, Priorities.Urgent)]
    [InlineData(Priorities.Urgent, Priorities.Urgent)]
    public void A_breach_raises_the_priority_one_level(string before, string after) => Assert.Equal(after, Priorities.Raise(before));

    [Theory]
    [InlineData(2026, 123, "M-2026-000123")]
    [InlineData(2027, 1, "M-2027-000001")]
    [InlineData(2026, 1234567, "M-2026-1234567")]
    public void References_are_year_and_six_digit_number(int year, long number, string reference) => Assert.Equal(reference, References.Format(year, number));
}
