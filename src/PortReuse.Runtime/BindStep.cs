namespace PortReuse.Runtime;

/// <summary>The call that failed: Linux reports some conflicts at <c>listen</c> rather than at <c>bind</c>.</summary>
public enum BindStep
{
    /// <summary>Setting the reuse option itself was refused.</summary>
    Configure,
    Bind,
    Listen,
}
