/**
 * The `.dockerconfigjson` document of a kubernetes.io/dockerconfigjson Secret. Callers pass the token inside an
 * Output's apply so that the document itself stays a secret.
 */
export function dockerConfigJson(server: string, username: string, token: string): string {
    const auth = Buffer.from(`${username}:${token}`).toString("base64");
    return JSON.stringify({ auths: { [server]: { username, password: token, auth } } });
}
