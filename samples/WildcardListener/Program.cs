using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

// A small echo service, written the way many first servers are: it listens on IPAddress.Any, so it answers on every
// interface (PR0002). The analyzer's "Bind to loopback" fix turns the wildcard into IPAddress.Loopback.
//
// Only the loopback listener below is ever started: the sample shows the diagnostic at compile time and, at run time,
// talks to itself on 127.0.0.1 with a port the OS chooses.

var port = args.Length > 0 && int.TryParse(args[0], out var requested) ? requested : 0;

// What PR0002 reports: a listener on every interface. Created to show the warning, never started.
var exposed = new TcpListener(IPAddress.Any, port);
Console.WriteLine($"Would listen on {exposed.LocalEndpoint} (every interface) - PR0002 warns here; not started.");

// What the fix produces: the same listener on loopback. A reuse decision keeps PR0001 quiet.
var local = new TcpListener(IPAddress.Loopback, port);
local.Server.ExclusiveAddressUse = true;
local.Start();
var endPoint = (IPEndPoint)local.LocalEndpoint;
Console.WriteLine($"Listening on {endPoint} (loopback only).");

using (var client = new TcpClient())
{
    client.Connect(endPoint);
    using var server = local.AcceptTcpClient();
    var message = Encoding.UTF8.GetBytes("hello over loopback");
    client.GetStream().Write(message);
    var buffer = new byte[message.Length];
    var read = 0;
    while (read < buffer.Length)
    {
        read += server.GetStream().Read(buffer, read, buffer.Length - read);
    }

    Console.WriteLine($"Echo service received: {Encoding.UTF8.GetString(buffer)}");
}

local.Stop();
return 0;
