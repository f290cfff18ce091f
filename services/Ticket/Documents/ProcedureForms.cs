using MucGov.Contracts.Conversation;
using MucGov.Ticket.Cases;

namespace MucGov.Ticket.Documents;

/// <summary>A submitted form as the citizen confirmed it.</summary>
public static class ProcedureForms
{
    /// <summary>
    /// The confirmed fields with their labels in form order (fields without a label keep their name), each marked
    /// as taken from the Bürgerkonto unchanged or typed in the chat.
    /// </summary>
    public static List<FormValue> Typed(ProcedureSubmitted submitted)
    {
        var fields = submitted.Fields ?? new Dictionary<string, string>();
        var labels = submitted.FieldLabels ?? [];
        var prefilled = submitted.Prefilled ?? [];
        string Source(string name) => prefilled.Contains(name) ? FormSources.Buergerkonto : FormSources.Typed;
        var ordered = labels.Where(l => fields.ContainsKey(l.Key)).Select(l => new FormValue(l.Key, l.Value, fields[l.Key], Source(l.Key))).ToList();
        ordered.AddRange(fields.Where(f => labels.All(l => l.Key != f.Key)).Select(f => new FormValue(f.Key, f.Key, f.Value, Source(f.Key))));
        return ordered;
    }
}
