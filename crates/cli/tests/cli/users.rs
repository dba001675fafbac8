//! `gongkai user` adds, lists and resets accounts, also beside a running server.

use super::{Server, gongkai, run_with_stdin, stderr, stdout};

#[test]
fn users_are_added_listed_and_given_new_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // The first serve-less command creates the schema; the unit comes from an import.
    std::fs::write(
        data.join("units.csv"),
        "名称,上级单位,类型,简称\n甲区人民政府,,政府,\n甲区司法局,甲区人民政府,部门,区司法局\n",
    )
    .unwrap();
    let import = gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    assert!(stdout(&import).contains("新增 2 个"));
    let again = gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    assert!(
        stdout(&again).contains("新增 0 个，更新 0 个，未变 2 个"),
        "{}",
        stdout(&again)
    );

    let add = gongkai(
        data,
        &[
            "user",
            "add",
            "wangwu",
            "--role",
            "editor",
            "--org",
            "区司法局",
            "--name",
            "王五",
        ],
    );
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert!(stdout(&add).contains("初始密码："));
    let list = gongkai(data, &["user", "list"]);
    assert!(
        stdout(&list).starts_with("wangwu\t王五\teditor@"),
        "{}",
        stdout(&list)
    );

    let weak = run_with_stdin(
        data,
        &["user", "passwd", "wangwu", "--password-stdin"],
        "short\n",
    );
    assert_eq!(weak.status.code(), Some(2));
    assert!(stderr(&weak).contains("密码"), "{}", stderr(&weak));
    let strong = run_with_stdin(
        data,
        &["user", "passwd", "wangwu", "--password-stdin"],
        "Long-enough-pass-9\n",
    );
    assert_eq!(strong.status.code(), Some(0), "{}", stderr(&strong));

    let unknown_role = gongkai(
        data,
        &["user", "add", "zhao", "--role", "root", "--org", "区司法局"],
    );
    assert_eq!(unknown_role.status.code(), Some(2));
}

#[test]
fn account_and_unit_commands_run_beside_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let server = Server::start(data);
    std::fs::write(
        data.join("units.csv"),
        "名称,上级单位,类型,简称\n乙区司法局,,部门,区司法局\n",
    )
    .unwrap();
    let units = data.join("units.csv");
    let commands: [&[&str]; 4] = [
        &["org", "import", units.to_str().unwrap()],
        &[
            "user",
            "add",
            "zhaoliu",
            "--role",
            "editor",
            "--org",
            "区司法局",
        ],
        &["user", "list"],
        &["audit", "verify"],
    ];
    for args in commands {
        let output = gongkai(data, args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let passwd = run_with_stdin(
        data,
        &["user", "passwd", "zhaoliu", "--password-stdin"],
        "Beside-the-server-9\n",
    );
    assert_eq!(passwd.status.code(), Some(0), "{}", stderr(&passwd));
    // The server still owns the search index and answers searches.
    assert!(
        server
            .get("/search?q=%E5%85%AC%E5%BC%80")
            .starts_with("HTTP/1.1 200")
    );
    assert_eq!(server.stop().1, Some(0));
}
