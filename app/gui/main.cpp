// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

int main(int argc, char **argv)
{
    kx::Application app(argc, argv);
    if (!app.start())
        return 2;
    return app.exec();
}
