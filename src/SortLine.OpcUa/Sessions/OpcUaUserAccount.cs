namespace SortLine.OpcUa.Sessions;

/// <summary>A user who may activate sessions with a user name and password.</summary>
/// <param name="UserName">The user name (compared ordinally).</param>
/// <param name="PasswordHash">The password hash from <see cref="OpcUaPasswordHasher.Hash"/>; plain passwords are never configured.</param>
public sealed record OpcUaUserAccount(string UserName, string PasswordHash);
