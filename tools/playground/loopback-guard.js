'use strict';
// Node preload (`node -r ./loopback-guard.js ...`) that keeps a process on this machine's loopback:
//
//  (a) every server.listen() without a host, or with a wildcard / non-loopback host, binds 127.0.0.1;
//  (b) every outgoing TCP/TLS connection (net.Socket#connect, net.connect, tls.connect) whose target
//      is not loopback (127.0.0.0/8, ::1, localhost) is refused with an EACCES error;
//      UDP sends to non-loopback addresses are refused as well;
//  (c) dns.lookup / dns.promises.lookup answer only localhost names; dns.resolve*, dns.reverse and
//      every Resolver method never reach a DNS server;
//  (d) the process exits when its parent process dies, so a killed test run leaves nothing behind.
//
// Each refusal is written to stderr as a line starting with "[loopback-guard] refused".
// LOOPBACK_GUARD_VERBOSE=1 also logs allowed connections and listens.

const net = require('net');
const tls = require('tls');
const dns = require('dns');
const dgram = require('dgram');

const TAG = '[loopback-guard]';
const verbose = process.env.LOOPBACK_GUARD_VERBOSE === '1';
const LOOPBACK_V4 = '127.0.0.1';

function log(message) {
  try {
    process.stderr.write(`${TAG} ${message}\n`);
  } catch {
    // stderr may already be closed while the process exits.
  }
}

function stripBrackets(host) {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isLocalhostName(host) {
  const h = String(host).toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === 'ip6-localhost' || h === 'ip6-loopback';
}

function isLoopbackAddress(host) {
  const h = stripBrackets(String(host)).toLowerCase();
  const kind = net.isIP(h);
  if (kind === 4) return h.split('.')[0] === '127';
  if (kind === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^(?:0:0:0:0:0|:):ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && mapped[1].split('.')[0] === '127';
  }
  return false;
}

function isLoopbackHost(host) {
  return isLocalhostName(host) || isLoopbackAddress(host);
}

function isWildcardOrForeign(host) {
  return host === undefined || host === null || host === '' || !isLoopbackHost(host);
}

function refusal(what, target) {
  const err = new Error(`${TAG} refused ${what} to ${target}: only loopback is allowed`);
  err.code = 'EACCES';
  err.errno = -13;
  err.syscall = 'connect';
  return err;
}

// ---------------------------------------------------------------------------------------------
// (a) listen on loopback only
// ---------------------------------------------------------------------------------------------
const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(...args) {
  const first = args[0];
  if (Array.isArray(first)) {
    // Internal normalised form: [options, callback].
    const options = first[0];
    if (options && typeof options === 'object' && options.path === undefined && options.handle === undefined && options.fd === undefined) {
      if (isWildcardOrForeign(options.host)) {
        first[0] = { ...options, host: LOOPBACK_V4 };
      }
    }
  } else if (first !== null && typeof first === 'object') {
    const isHandle = first._handle !== undefined || first.fd !== undefined || first.handle !== undefined;
    if (!isHandle && first.path === undefined && isWildcardOrForeign(first.host)) {
      args[0] = { ...first, host: LOOPBACK_V4 };
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) || first === undefined || typeof first === 'function') {
    // listen(), listen(cb), listen(port[, host][, backlog][, cb])
    if (first === undefined || typeof first === 'function') {
      args.unshift(0);
    }
    if (typeof args[1] === 'string') {
      if (isWildcardOrForeign(args[1])) args[1] = LOOPBACK_V4;
    } else {
      args.splice(1, 0, LOOPBACK_V4);
    }
  }
  // A string that is not a number is a pipe / unix socket path: local by nature.
  if (verbose) {
    this.once('listening', () => log(`listening on ${JSON.stringify(this.address())}`));
  }
  return originalListen.apply(this, args);
};

// ---------------------------------------------------------------------------------------------
// (b) outgoing connections only to loopback
// ---------------------------------------------------------------------------------------------
function connectTarget(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined && first.path !== null) return { local: true, text: `pipe ${first.path}` };
    const host = first.host === undefined || first.host === null || first.host === '' ? 'localhost' : String(first.host);
    return { local: false, host, text: `${host}:${first.port}` };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { local: true, text: `pipe ${first}` };
  const host = typeof args[1] === 'string' && args[1] !== '' ? args[1] : 'localhost';
  return { local: false, host, text: `${host}:${first}` };
}

const originalSocketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = connectTarget(args);
  if (!target.local && !isLoopbackHost(target.host)) {
    const err = refusal('connection', target.text);
    log(`refused connection to ${target.text}`);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  if (verbose) log(`allowed connection to ${target.text}`);
  return originalSocketConnect.apply(this, args);
};

const originalTlsConnect = tls.connect;
tls.connect = function guardedTlsConnect(...args) {
  let options = {};
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else {
    options = { port: args[0] };
    if (typeof args[1] === 'string') options.host = args[1];
    const rest = args.find((a, i) => i > 0 && a !== null && typeof a === 'object');
    if (rest) options = { ...rest, ...options };
  }
  // A TLS session over an existing socket was already checked when that socket connected.
  if (!options.socket && options.path === undefined) {
    const host = options.host === undefined || options.host === null || options.host === '' ? 'localhost' : String(options.host);
    if (!isLoopbackHost(host)) {
      const text = `${host}:${options.port}`;
      log(`refused TLS connection to ${text}`);
      const socket = new net.Socket();
      process.nextTick(() => socket.destroy(refusal('TLS connection', text)));
      return socket;
    }
  }
  return originalTlsConnect.apply(this, args);
};

// UDP: bind loopback, send only to loopback.
const originalDgramBind = dgram.Socket.prototype.bind;
dgram.Socket.prototype.bind = function guardedBind(...args) {
  if (args[0] !== null && typeof args[0] === 'object') {
    if (isWildcardOrForeign(args[0].address)) args[0] = { ...args[0], address: LOOPBACK_V4 };
  } else if (typeof args[1] === 'string') {
    if (isWildcardOrForeign(args[1])) args[1] = LOOPBACK_V4;
  } else {
    if (args.length === 0 || typeof args[0] === 'function') args.unshift(0);
    args.splice(1, 0, LOOPBACK_V4);
  }
  return originalDgramBind.apply(this, args);
};
const originalDgramSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  if (address !== undefined && !isLoopbackHost(address)) {
    log(`refused UDP send to ${address}`);
    const callback = args.find((a) => typeof a === 'function');
    const err = refusal('UDP send', address);
    process.nextTick(() => (callback ? callback(err) : this.emit('error', err)));
    return undefined;
  }
  return originalDgramSend.apply(this, args);
};
const originalDgramConnect = dgram.Socket.prototype.connect;
if (originalDgramConnect) {
  dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, callback) {
    const host = typeof address === 'string' ? address : 'localhost';
    if (!isLoopbackHost(host)) {
      log(`refused UDP connect to ${host}:${port}`);
      const err = refusal('UDP connect', `${host}:${port}`);
      process.nextTick(() => (typeof callback === 'function' ? callback(err) : this.emit('error', err)));
      return undefined;
    }
    return originalDgramConnect.apply(this, arguments);
  };
}

// ---------------------------------------------------------------------------------------------
// (c) name resolution: localhost only, never a DNS server
// ---------------------------------------------------------------------------------------------
function notFound(syscall, hostname) {
  const err = new Error(`${TAG} refused ${syscall} ${hostname}: only localhost names resolve`);
  err.code = dns.NOTFOUND || 'ENOTFOUND';
  err.errno = undefined;
  err.syscall = syscall;
  err.hostname = hostname;
  return err;
}

const originalLookup = dns.lookup;
function guardedLookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (hostname && !isLoopbackHost(hostname)) {
    log(`refused lookup of ${hostname}`);
    const err = notFound('getaddrinfo', hostname);
    process.nextTick(() => callback(err));
    return {};
  }
  return originalLookup.call(this, hostname, options, callback);
}
dns.lookup = guardedLookup;

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromisesLookup(hostname, options) {
  if (hostname && !isLoopbackHost(hostname)) {
    log(`refused lookup of ${hostname}`);
    throw notFound('getaddrinfo', hostname);
  }
  return originalPromisesLookup.call(this, hostname, options);
};

// Resolver methods query DNS servers directly (they ignore /etc/hosts), so none of them is let
// through. A localhost A/AAAA question is answered here; everything else fails.
const RESOLVE_METHODS = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
];

function localAnswer(method, hostname, rrtype) {
  if (!isLocalhostName(hostname) && !isLoopbackAddress(hostname)) return undefined;
  const type = method === 'resolve' ? String(rrtype || 'A').toUpperCase() : method;
  if (type === 'A' || type === 'resolve4') return isLoopbackAddress(hostname) ? [hostname] : [LOOPBACK_V4];
  if (type === 'AAAA' || type === 'resolve6') return ['::1'];
  return undefined;
}

function callbackResolver(method) {
  return function guardedResolve(hostname, ...rest) {
    const callback = rest.pop();
    const answer = localAnswer(method, hostname, typeof rest[0] === 'string' ? rest[0] : undefined);
    if (answer === undefined) log(`refused ${method} ${hostname}`);
    process.nextTick(() => (answer === undefined ? callback(notFound(method, hostname)) : callback(null, answer)));
    return {};
  };
}

function promiseResolver(method) {
  return async function guardedResolvePromise(hostname, rrtype) {
    const answer = localAnswer(method, hostname, rrtype);
    if (answer === undefined) {
      log(`refused ${method} ${hostname}`);
      throw notFound(method, hostname);
    }
    return answer;
  };
}

for (const method of RESOLVE_METHODS) {
  if (typeof dns[method] === 'function') dns[method] = callbackResolver(method);
  if (dns.Resolver && typeof dns.Resolver.prototype[method] === 'function') dns.Resolver.prototype[method] = callbackResolver(method);
  if (typeof dns.promises[method] === 'function') dns.promises[method] = promiseResolver(method);
  if (dns.promises.Resolver && typeof dns.promises.Resolver.prototype[method] === 'function') {
    dns.promises.Resolver.prototype[method] = promiseResolver(method);
  }
}
dns.lookupService = function guardedLookupService(address, port, callback) {
  log(`refused lookupService ${address}`);
  process.nextTick(() => callback(notFound('getnameinfo', address)));
};
dns.promises.lookupService = async function guardedLookupServicePromise(address) {
  log(`refused lookupService ${address}`);
  throw notFound('getnameinfo', address);
};

// ---------------------------------------------------------------------------------------------
// (d) exit when the parent process dies
// ---------------------------------------------------------------------------------------------
// LOOPBACK_GUARD_PARENT_PID names the process to outlive no longer (start.sh sets it to its own
// parent, so an `npm ci` that outlasts a killed test still ends with it); by default it is our parent.
const fs = require('fs');

function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
    // cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const requestedParent = Number(process.env.LOOPBACK_GUARD_PARENT_PID || '');
const watchedPid = Number.isInteger(requestedParent) && requestedParent > 1 ? requestedParent : process.ppid;
const watchedStart = procStat(watchedPid)?.startTime; // detects the pid being reused
const ourParent = process.ppid;

function watchedAlive() {
  if (watchedPid === ourParent) {
    const self = procStat('self');
    if (self !== undefined && self.ppid !== ourParent) return false; // re-parented: our parent is gone
  }
  if (!pidAlive(watchedPid)) return false;
  const stat = procStat(watchedPid);
  if (stat === undefined) return process.platform !== 'linux';
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return watchedStart === undefined || stat.startTime === watchedStart;
}

if (watchedPid > 1 && process.env.LOOPBACK_GUARD_KEEP_ORPHAN !== '1') {
  if (!watchedAlive()) {
    log(`process ${watchedPid} is already gone; exiting`);
    process.exit(0);
  }
  const timer = setInterval(() => {
    if (!watchedAlive()) {
      log(`process ${watchedPid} is gone; exiting`);
      process.exit(0);
    }
  }, 1000);
  timer.unref();
}

if (verbose) log(`active in pid ${process.pid}, watching ${watchedPid}`);
