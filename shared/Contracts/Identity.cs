namespace MucGov.Contracts.Identity;

/// <summary>Request: the Bürgerkonto fields a citizen consented to pass on. Answered with <see cref="CitizenProfile"/> or <see cref="CitizenNotFound"/>.</summary>
/// <param name="CitizenId">Subject id of the citizen (the <c>sub</c> claim).</param>
/// <param name="ConsentId">The consent record that allows this disclosure; identity logs it.</param>
/// <param name="Purpose">Why the data is needed, as recorded in the disclosure log (e.g. <c>escalation</c>, <c>procedure</c>).</param>
/// <param name="Recipient">Who receives the data (a department id or service name).</param>
/// <param name="Fields">Names of the wanted fields (<c>givenName</c>, <c>familyName</c>, <c>birthDate</c>, <c>address</c>, <c>email</c>, <c>phone</c>, …).</param>
public sealed record GetCitizenProfile(Guid CitizenId, Guid ConsentId, string Purpose, string Recipient, IReadOnlyList<string> Fields);

/// <summary>Reply to <see cref="GetCitizenProfile"/>: only the requested fields, by name.</summary>
/// <param name="CitizenId">Subject id of the citizen.</param>
/// <param name="ConsentId">The consent the disclosure was made under.</param>
/// <param name="Fields">Field name → value, only for requested fields the account has.</param>
/// <param name="TrustLevel">eIDAS level of the account: <c>basic</c>, <c>substantial</c> or <c>high</c>.</param>
public sealed record CitizenProfile(Guid CitizenId, Guid ConsentId, IReadOnlyDictionary<string, string> Fields, string TrustLevel);

/// <summary>Reply to <see cref="GetCitizenProfile"/> when no such account exists (or it was erased).</summary>
/// <param name="CitizenId">The id asked for.</param>
public sealed record CitizenNotFound(Guid CitizenId);

/// <summary>Event: a citizen asked for their data to be erased; every service removes or anonymises what it holds about them.</summary>
/// <param name="ErasureId">Idempotency key of the erasure.</param>
/// <param name="CitizenId">Subject id of the citizen.</param>
/// <param name="RequestedAt">When the citizen asked.</param>
public sealed record CitizenErasureRequested(Guid ErasureId, Guid CitizenId, DateTimeOffset RequestedAt);

/// <summary>Request: who a staff member is (to assign a case to them). Answered with <see cref="StaffMember"/> or <see cref="StaffMemberNotFound"/>.</summary>
/// <param name="SubjectId">The staff member's subject id (the <c>sub</c> claim).</param>
public sealed record GetStaffMember(string SubjectId);

/// <summary>Reply to <see cref="GetStaffMember"/>.</summary>
/// <param name="SubjectId">The staff member's subject id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Roles">Staff roles (<c>caseworker</c>, <c>supervisor</c>, …).</param>
/// <param name="Departments">Department ids of the catalog they work for.</param>
/// <param name="Languages">Languages they speak.</param>
public sealed record StaffMember(string SubjectId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, IReadOnlyList<string> Languages);

/// <summary>Reply to <see cref="GetStaffMember"/> when there is no such staff account.</summary>
/// <param name="SubjectId">The id asked for.</param>
public sealed record StaffMemberNotFound(string SubjectId);
