namespace PortReuse.Runtime;
