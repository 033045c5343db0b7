using System.Net;
using System.Net.Sockets;

var port = args.Length > 0 ? int.Parse(args[0]) : 8888;
using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
server.Bind(new IPEndPoint(IPAddress.Any, port));
server.Listen(100);

var udp = new UdpClient(8889);
Serve(udp);

static void Serve(UdpClient client)
{
    IPEndPoint? remote = null;
    client.Receive(ref remote);
}

var listener = new TcpListener(IPAddress.Loopback, 8890) { ExclusiveAddressUse = true };
listener.Start();
