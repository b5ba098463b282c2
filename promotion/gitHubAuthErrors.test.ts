// How the writers' GitHub App credentials fail, as a user reads it: every failure is a GitHubApiError (the name the
// writers' other GitHub failures carry) in one line naming the variables, never the key.
import { strict as assert } from "node:assert";
import { appCredentialsOf, gitHubApiFor } from "./gitHubAuth";

const isGitHubApiError = (message: string) => (err: unknown) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, "GitHubApiError");
    assert.equal(err.message, message);
    return true;
};

describe("promotion/gitHubAuth: its failures", () => {
    it("some of the App variables without the others", () => {
        assert.throws(
            () => appCredentialsOf({ GITHUB_APP_ID: "1", GITHUB_TOKEN: "t" }),
            isGitHubApiError(
                "GitHub App authentication needs GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID, GITHUB_APP_PEM_FILE: " +
                    "GITHUB_APP_ID is set, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PEM_FILE not (set all three, as " +
                    "Pulumi Deployments gets them, or none and GITHUB_TOKEN)",
            ),
        );
    });

    it("a PEM variable that holds no private key: the signer's own reason, not the value", async () => {
        const key = "not-a-key-but-a-secret-all-the-same";
        await assert.rejects(
            gitHubApiFor("http://127.0.0.1:9", {
                GITHUB_APP_ID: "7",
                GITHUB_APP_INSTALLATION_ID: "8",
                GITHUB_APP_PEM_FILE: key,
            }),
            isGitHubApiError(
                "GITHUB_APP_PEM_FILE is not a private key the JWT of GitHub App 7 can be signed with: Invalid keyData",
            ),
        );
    });
});
